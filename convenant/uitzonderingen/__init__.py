"""Individual exemptions: services, selectors, evidence storage, pages and API.

The model lives in convenant.models.uitzonderingen; everything that reads or writes it is here.
"""
