/// The template tables as data: rows, columns and labels of sections 二, 三
/// and 四 for every version. ``MetricCatalog`` turns them into metrics and
/// identities; nothing else reads this namespace, so the catalog stays the one
/// source of truth. Each section's data lives in its own extension file.
enum CatalogData {}
