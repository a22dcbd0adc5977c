import factory
from factory.django import DjangoModelFactory

from .models import Notice, NoticeLevel


class NoticeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Avis {n}")
    level = NoticeLevel.INFO
    message_fr = factory.LazyAttribute(lambda o: f"<p>Message en français : {o.name}.</p>")
    message_en = factory.LazyAttribute(lambda o: f"<p>Message in English: {o.name}.</p>")
    enabled = True

    class Meta:
        model = Notice
