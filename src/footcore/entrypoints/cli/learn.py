"""CLI command `learn`: the topics about the foot, the gait, problems, care and recovery."""

from __future__ import annotations

import click

from footcore.bootstrap import knowledge
from footcore.entrypoints.cli.base import cli
from footcore.entrypoints.cli.options import FORMATS, echo_json
from footcore.errors import InputError
from footcore.presentation.topics import topic_dict, topic_summary, topic_text


@cli.command("learn")
@click.argument("topic", required=False)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def learn_cmd(topic: str | None, fmt: str) -> None:
    """Read about the foot, the running gait, common problems, foot care and recovery."""
    from footcore.adapters.topics import load_topics

    topics = load_topics()
    if topic is None:
        if fmt == "json":
            echo_json([topic_summary(t) for t in topics.values()])
            return
        for kind in ("anatomy", "gait", "problem", "care", "recovery"):
            group = [t for t in topics.values() if t.kind == kind]
            if group:
                click.echo(f"{kind}:")
                for t in group:
                    click.echo(f"  {t.id:<28} {t.title}")
        click.echo("\n`footcore learn TOPIC` reads one.")
        return
    found = topics.get(topic)
    if found is None:
        raise InputError(f"unknown topic '{topic}'; accepted: {', '.join(topics)}")
    if fmt == "json":
        echo_json(topic_dict(found))
        return
    click.echo(topic_text(found, knowledge().catalog))
