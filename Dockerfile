# The API image: production shape (PostgreSQL, two uvicorn workers, no reload).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 ACCORD_ENVIRONMENT=production
WORKDIR /srv/accord

COPY backend/pyproject.toml backend/constraints.txt backend/
COPY backend/accord backend/accord
RUN pip install --no-cache-dir -c backend/constraints.txt -e backend

COPY alembic.ini ./
COPY migrations migrations

RUN useradd --system --home /srv/accord accord
USER accord
EXPOSE 8000
CMD ["sh", "-c", "alembic upgrade head && python -m accord load-catalogue && uvicorn accord.main:create_app --factory --host 0.0.0.0 --port 8000 --workers 2 --no-access-log"]
