"""The encrypted SQLCipher store of one profile."""

from app.store.db import Store, SCHEMA_VERSION  # noqa: F401
