"""The gate in front of every route: team sign-in and roles, CSRF, sessions, safety headers."""
