using Platform.Write.Operators;

namespace Platform.Api.Operators;

/// <summary>
/// Creates one operator at start-up when Platform:Operators:Bootstrap:Email is set and no operator
/// has that address yet (./run.sh does, with a generated password). The password comes only from
/// Platform:Operators:Bootstrap:Password, which deployments set from the environment
/// (Platform__Operators__Bootstrap__Password), never from a file in the repository. An existing
/// operator is left as it is: the bootstrap never resets a password or reactivates anyone.
/// </summary>
internal sealed class OperatorBootstrap(IServiceProvider services, IConfiguration configuration, ILogger<OperatorBootstrap> log) : IHostedService
{
    public const string Section = "Platform:Operators:Bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration[$"{Section}:Email"];
        var password = configuration[$"{Section}:Password"];
        if (string.IsNullOrWhiteSpace(email)) return;
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException($"{Section}:Email is set without {Section}:Password (set it from the environment).");
        // Resolved here: in embedded mode the data source exists only once the cluster has started.
        var created = await services.GetRequiredService<OperatorAccounts>().AddAsync(email, password, cancellationToken);
        if (created is not null && log.IsEnabled(LogLevel.Information)) log.LogInformation("Platform operator {OperatorId} created from the bootstrap settings", created.OperatorId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
