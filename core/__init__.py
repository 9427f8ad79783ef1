"""Pure domain of Hatif: order states, pricing, attempts, phones, wire schemas.

Nothing here imports Qt, a database or the network (checked by import-linter).
"""
