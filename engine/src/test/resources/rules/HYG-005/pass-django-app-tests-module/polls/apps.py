class PollsConfig:
    name = "polls"
