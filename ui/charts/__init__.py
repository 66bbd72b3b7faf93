"""Progress charts: matplotlib figures (drawn off the GUI thread) and the widgets showing them."""
