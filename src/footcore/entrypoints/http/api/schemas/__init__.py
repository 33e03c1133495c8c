"""The REST API's request and response bodies, one module per topic (base holds what they share)."""
