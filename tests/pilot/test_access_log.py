from pilot.access_log import redact


def test_password_reset_tokens_never_reach_the_access_log():
    line = "GET /account/wachtwoord-herstellen/MTIz/cxyz-0123456789abcdef/ HTTP/1.1"
    assert redact(line) == "GET /account/wachtwoord-herstellen/[verborgen]/ HTTP/1.1"


def test_other_paths_are_logged_as_they_are():
    assert redact("GET /notificaties/?pagina=2 HTTP/1.1") == "GET /notificaties/?pagina=2 HTTP/1.1"
