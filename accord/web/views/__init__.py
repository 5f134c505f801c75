"""The site's pages. Views stay thin: authorise through `accord.core.access`, call a selector, render."""
