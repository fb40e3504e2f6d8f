"""The coding workbench: review automatic codes, assign work, double coding, export."""
