"""Key handling: password and recovery-key wrapping of the data key."""
