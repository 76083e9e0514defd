class TransitionNotAllowed(Exception):
    """A state change that the current state does not allow. The message is for the user (Dutch).

    Views show it with messages.error; the API answers 409.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
