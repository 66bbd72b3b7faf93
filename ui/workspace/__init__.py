"""The clinician workspace: patient list, one patient's page, audit, printable report."""
