"""The `pilms` command: serve, migrate, manage users, load the demo school, check the setup."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pilms.config import ConfigError, Settings, load_settings

app = typer.Typer(
    help="Pi-LMS: an offline-first classroom learning management system.",
    no_args_is_help=True,
    add_completion=False,
)
user_app = typer.Typer(
    help="Create, import, export users and reset passwords.", no_args_is_help=True
)
app.add_typer(user_app, name="user")
console = Console()
err = Console(stderr=True)


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        err.print(f"[red]Configuration problem:[/red] {exc}")
        raise typer.Exit(2) from exc


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    from pilms.db import make_engine

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return make_engine(settings.database_url)


def _migrated(settings: Settings):  # type: ignore[no-untyped-def]
    from pilms.migrate import upgrade

    engine = _engine(settings)
    upgrade(engine)
    return engine


def _session(settings: Settings):  # type: ignore[no-untyped-def]
    from pilms.db import make_session_factory

    return make_session_factory(_migrated(settings))()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "0.0.0.0",  # noqa: S104
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8080,
    demo: Annotated[
        bool, typer.Option(help="Load the demo school if the database is empty")
    ] = False,
    forwarded_allow_ips: Annotated[
        str, typer.Option(help="Proxies whose X-Forwarded-For is trusted (nginx)")
    ] = "127.0.0.1",
) -> None:
    """Run everything in one process: pages, API and media. Migrates the database first."""
    import uvicorn

    from pilms.ops.memory import return_large_blocks_to_the_system
    from pilms.web.app import create_app

    return_large_blocks_to_the_system()
    settings = _settings()
    engine = _migrated(settings)
    if demo:
        _load_demo(settings, engine, only_if_empty=True)
    console.print(
        f"Pi-LMS serving on http://{'localhost' if host == '0.0.0.0' else host}:{port}"  # noqa: S104
        f"  (data: {settings.data_dir.resolve()})"
    )
    uvicorn.run(
        create_app(settings, engine=engine),
        host=host,
        port=port,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        log_level=settings.log_level.lower(),
        access_log=settings.debug,
        server_header=False,
        # Longer than a student's pause on a page and than nginx's upstream keep-alive (60 s):
        # the client then closes an idle connection first, so that it never sends a request
        # on one the server is closing at the same moment (uvicorn's default is 5 s).
        timeout_keep_alive=75,
    )


@app.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    from pilms.migrate import current_revision

    settings = _settings()
    engine = _migrated(settings)
    console.print(f"Database is at revision {current_revision(engine)} ({engine.dialect.name}).")


def _load_demo(settings: Settings, engine, *, only_if_empty: bool) -> None:  # type: ignore[no-untyped-def]
    from pilms.db import make_session_factory
    from pilms.demo.loader import DemoExists, load_demo

    db = make_session_factory(engine)()
    try:
        with console.status("Loading the demo school…"):
            accounts = load_demo(db, settings=settings)
    except DemoExists as exc:
        if only_if_empty:
            return
        err.print(f"[yellow]{exc}[/yellow]")
        raise typer.Exit(1) from exc
    finally:
        db.close()
    console.print("[green]Demo school loaded.[/green]")
    console.print(
        f"  Admin:        [bold]{accounts.admin_email}[/bold]  password "
        f"[bold]{accounts.admin_password}[/bold]"
    )
    console.print(
        f"  Instructors and students use the password [bold]{accounts.shared_password}"
        f"[/bold], e.g. {accounts.instructor_email} or {accounts.student_email}"
    )
    console.print(f"  All demo accounts are listed in {accounts.credentials_file}")


@app.command()
def demo() -> None:
    """Load a demo school: an admin, 2 instructors, 30 students, 3 courses with lessons."""
    settings = _settings()
    _load_demo(settings, _migrated(settings), only_if_empty=False)


@user_app.command("create")
def user_create(
    email: Annotated[str, typer.Option(help="Sign-in email")],
    name: Annotated[str, typer.Option(help="Full name")],
    role: Annotated[str, typer.Option(help="admin, instructor or student")] = "student",
    password: Annotated[str | None, typer.Option(help="Password (or use --password-stdin)")] = None,
    password_stdin: Annotated[bool, typer.Option(help="Read the password from stdin")] = False,
) -> None:
    """Create a user."""
    from pilms.accounts.services import create_user
    from pilms.errors import ServiceError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    if not password:
        err.print("Give a password with --password or --password-stdin.")
        raise typer.Exit(2)
    db = _session(_settings())
    try:
        user = create_user(db, email=email, name=name, role=role, password=password)
    except ServiceError as exc:
        err.print(f"[red]{exc.message}[/red]")
        raise typer.Exit(1) from exc
    finally:
        db.close()
    console.print(f"Created {user.role} {user.email} (id {user.id}).")


@user_app.command("reset-password")
def user_reset_password(email: Annotated[str, typer.Option(help="The user's email")]) -> None:
    """Give a user a temporary password that must be changed at next sign-in."""
    from pilms.accounts.services import find_user_by_email, reset_password

    db = _session(_settings())
    try:
        user = find_user_by_email(db, email)
        if user is None:
            err.print(f"[red]No user has the email {email}.[/red]")
            raise typer.Exit(1)
        temporary = reset_password(db, user_id=user.id)
    finally:
        db.close()
    console.print(f"Temporary password for {user.email}: [bold]{temporary}[/bold]")
    console.print("They must choose a new one when they next sign in.")


@user_app.command("export")
def user_export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: stdout)")
    ] = None,
) -> None:
    """Write all users as CSV (no passwords)."""
    from pilms.accounts.csvio import export_users_csv

    db = _session(_settings())
    try:
        text = export_users_csv(db)
    finally:
        db.close()
    if output:
        output.write_text(text, encoding="utf-8")
        console.print(f"Wrote {text.count(chr(10)) - 1} users to {output}.")
    else:
        sys.stdout.write(text)


@user_app.command("import")
def user_import(
    file: Annotated[Path, typer.Argument(help="CSV with columns email,name,role,password,active")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Apply without asking")] = False,
) -> None:
    """Preview, then create or update users from a CSV file. Never deletes anybody."""
    from pilms.accounts.csvio import apply_user_import, decode_csv, plan_user_import
    from pilms.accounts.models import Role, User
    from pilms.errors import Invalid

    if not file.is_file():
        err.print(f"[red]No such file: {file}[/red]")
        raise typer.Exit(2)
    db = _session(_settings())
    try:
        actor = User(id=-1, role=Role.ADMIN, email="", name="cli", password_hash="")
        try:
            plan = plan_user_import(db, text=decode_csv(file.read_bytes()), actor=actor)
        except Invalid as exc:
            err.print(f"[red]{exc.message}[/red]")
            raise typer.Exit(1) from exc
        table = Table(title=f"Import preview: {file.name}")
        for column in ("line", "action", "email", "name", "role", "changes"):
            table.add_column(column)
        for row in plan.to_create + plan.to_update:
            table.add_row(
                str(row.line), row.action, row.email, row.name, row.role, ", ".join(row.changes)
            )
        console.print(table)
        console.print(
            f"{len(plan.to_create)} to create, {len(plan.to_update)} to update, "
            f"{len(plan.unchanged)} unchanged, {len(plan.errors)} with errors."
        )
        for error in plan.errors:
            err.print(f"[red]line {error.line}: {error.message}[/red]")
        if plan.ignored_columns:
            console.print(f"Ignored columns: {', '.join(plan.ignored_columns)}")
        if not plan.to_create and not plan.to_update:
            console.print("Nothing to do.")
            raise typer.Exit(1 if plan.errors else 0)
        if not yes and not typer.confirm("Apply the valid rows?", default=False):
            console.print("Nothing was changed.")
            raise typer.Exit(1)
        result = apply_user_import(db, plan=plan)
    finally:
        db.close()
    console.print(f"[green]Created {len(result.created)}, updated {result.updated}.[/green]")
    for email, _name, password in result.created:
        if password:
            console.print(f"  {email}: temporary password [bold]{password}[/bold]")


@app.command()
def check() -> None:
    """Say what is configured, reachable and missing."""
    from pilms.ops.check import run_checks

    settings = _settings()
    table = Table(title="Pi-LMS check")
    table.add_column("part")
    table.add_column("status")
    table.add_column("detail")
    failed = False
    for part, status, detail in run_checks(settings):
        colour = {"ok": "green", "off": "dim", "warn": "yellow"}.get(status, "red")
        failed |= status == "error"
        table.add_row(part, f"[{colour}]{status}[/{colour}]", detail)
    console.print(table)
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
