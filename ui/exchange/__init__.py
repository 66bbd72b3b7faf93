"""The exchange's widgets and dialogs, shared by the patient's Clinician page and the workspace."""
