using Npgsql;

namespace Platform.Write.Storage;

public static class PlatformDataSource
{
    /// <summary>
    /// A data source with automatic statement preparation: the store's statements are few and
    /// hot, so preparing them once per connection saves a parse and plan on every append.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, Action<NpgsqlDataSourceBuilder>? configure = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        configure?.Invoke(builder);
        return builder.Build();
    }
}
