"""Fleet operations: vehicles, routes, maintenance and reports."""
