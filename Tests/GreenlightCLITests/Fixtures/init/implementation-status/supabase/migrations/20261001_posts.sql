create table posts (id uuid primary key, body text);
