class Memory:
    pass
