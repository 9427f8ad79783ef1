"""WhatsApp and SMS launchers: open the customer's chat or SMS with a template, journal it."""
