"""The desktop's application layer: settings, local store, services, composition root."""
