"""Enquiry pages. Views stay thin: authorise through the access layer, call a selector or a service, render."""
