"""Accord's command line: `python -m accord <command>`."""

import argparse
import getpass
import json
import os
import sys

import accord.models  # noqa: F401 - every table, so foreign keys resolve in any command
from accord.core.database import SessionFactories, create_db_engine, transaction
from accord.core.settings import Environment, Settings


def _settings() -> Settings:
    # These commands sign no tokens: they need the database, not the signing secret.
    return Settings(environment=Environment.development)


def create_admin(args: argparse.Namespace) -> int:
    from accord.accounts import service as accounts
    from accord.accounts.models import UserCreate

    password = args.password or os.environ.get("ACCORD_ADMIN_PASSWORD")
    if not password:
        password = getpass.getpass("Password (at least 12 characters): ")
    engine = create_db_engine(_settings())
    try:
        with transaction(SessionFactories.over(engine).write) as session:
            if accounts.find_by_email(session, args.email) is not None:
                print(f"An account with the e-mail {args.email} already exists.", file=sys.stderr)
                return 1
            user = accounts.create_user(
                session,
                None,
                UserCreate(email=args.email, full_name=args.name, password=password, is_admin=True),
            )
            print(f"Created platform admin {user.email} ({user.id}).")
    finally:
        engine.dispose()
    return 0


def load_demo(_args: argparse.Namespace) -> int:
    from accord.demo.loader import DEMO_COORDINATOR, DEMO_PASSWORD, load_demo

    settings = _settings()
    if os.environ.get("ACCORD_ENVIRONMENT", "production") != "development":
        print(
            "The demo network is for development only (ACCORD_ENVIRONMENT=development).",
            file=sys.stderr,
        )
        return 1
    engine = create_db_engine(settings)
    try:
        result = load_demo(SessionFactories.over(engine).write)
    finally:
        engine.dispose()
    state = "loaded" if result.created else "already present"
    print(f"Demo network '{result.slug}' {state}: {result.partners} partners.")
    print(f"Demo coordinator: {DEMO_COORDINATOR} / {DEMO_PASSWORD}")
    return 0


def load_catalogue(_args: argparse.Namespace) -> int:
    from accord.roles.catalogue_loader import load_catalogue as load

    engine = create_db_engine(_settings())
    try:
        with transaction(SessionFactories.over(engine).write) as session:
            result = load(session)
    finally:
        engine.dispose()
    print(
        f"Role catalogue v{result.version}: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged."
    )
    return 0


def expire_referrals(_args: argparse.Namespace) -> int:
    from accord.referrals.sweep import expire_all

    engine = create_db_engine(_settings())
    try:
        expired = expire_all(SessionFactories.over(engine).write)
    finally:
        engine.dispose()
    print(f"{expired} referrals expired (nobody received them in time).")
    return 0


def openapi(args: argparse.Namespace) -> int:
    from accord.main import create_app

    app = create_app(Settings(environment=Environment.development, database_url="sqlite://"))
    document = json.dumps(app.openapi(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if args.output == "-":
        sys.stdout.write(document)
    else:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(document)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m accord", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    admin = commands.add_parser("create-admin", help="create a platform administrator")
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", default="Platform administrator")
    admin.add_argument(
        "--password", help="default: $ACCORD_ADMIN_PASSWORD, else asked for at the prompt"
    )
    admin.set_defaults(run=create_admin)

    catalogue = commands.add_parser(
        "load-catalogue", help="load or upgrade the shipped role catalogue (safe to repeat)"
    )
    catalogue.set_defaults(run=load_catalogue)

    demo = commands.add_parser("load-demo", help="load the demo network (development only)")
    demo.set_defaults(run=load_demo)

    expire = commands.add_parser(
        "expire-referrals", help="expire referrals nobody received in time (safe to repeat)"
    )
    expire.set_defaults(run=expire_referrals)

    spec = commands.add_parser("openapi", help="write the OpenAPI document")
    spec.add_argument("--output", default="-", help="a file, or - for standard output")
    spec.set_defaults(run=openapi)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
