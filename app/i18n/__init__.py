"""Languages: the one catalogue of UI and message strings (`catalogue`), and choosing a
request's language (`language`)."""
