-- Customers new in a period of days (analytics): a range over the creation time of one tenant's customers.
create index customers_created on customers (tenant_id, created_at);
