"""Hearth's Qt interface: thin pages that render app/ state and call app/ operations."""
