using Microsoft.Extensions.Logging;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers.Import;

/// <summary>
/// Runs one import: streams the file's rows in batches; each batch is one transaction that decides its
/// rows, appends every customer stream it changes in one append, writes their rows, its row results and
/// the progress. A dry run decides the same way and writes only results. A batch that commits stays:
/// running the same file again finds its customers and changes nothing.
/// </summary>
public sealed class CustomerImportRunner(
    TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time, ILogger<CustomerImportRunner> logger)
{
    public const int BatchSize = 500;

    public async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await SetStatusAsync(job, ImportStatuses.Running, null, ct);
            using var file = TabularFiles.Open(job.Path, job.Format);
            ImportPlanner planner;
            ImportMapping mapping;
            await using (var tx = await database.BeginAsync(job.TenantId, ct))
            {
                var definitions = await CustomFieldValues.DefinitionsAsync(tx, ct);
                mapping = ImportMapping.Resolve(file.Headers, job.Mapping, definitions);
                planner = new ImportPlanner(await CustomerContacts.CountryAsync(tx, ct), definitions, job.DryRun);
            }
            var context = new CommandContext { CorrelationId = job.CorrelationId, Source = CustomerSources.Import };
            context.ActFor(job.TenantId, job.UserId);
            foreach (var batch in file.Rows().Select((cells, i) => ImportCandidate.Read(i + 1, cells, mapping)).Chunk(BatchSize))
                await RunBatchAsync(job, context, planner, batch, ct);
            await SetStatusAsync(job, ImportStatuses.Completed, null, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Customer import {ImportId} of tenant {TenantId} failed", job.ImportId, job.TenantId);
            var reason = error is FluentValidation.ValidationException invalid
                ? string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage))
                : "La importación se detuvo por un error inesperado; las filas ya procesadas quedaron guardadas.";
            await SetStatusAsync(job, ImportStatuses.Failed, reason, CancellationToken.None);
        }
        finally
        {
            File.Delete(job.Path);
        }
    }

    private async Task RunBatchAsync(ImportJob job, CommandContext context, ImportPlanner planner, ImportCandidate[] batch, CancellationToken ct)
    {
        await using var tx = await database.BeginAsync(job.TenantId, ct);
        if (!job.DryRun) await CustomerRows.LockContactsAsync(tx, ct);
        var results = new List<ImportRowResult>(batch.Length);
        var valid = new List<(int Row, CustomerContact Contact, Dictionary<string, string> Fields)>();
        foreach (var candidate in batch)
        {
            var (contact, fields, invalid) = planner.Normalize(candidate);
            if (invalid is not null) results.Add(invalid);
            else valid.Add((candidate.Row, contact!, fields!));
        }
        var contacts = valid.Select(v => v.Contact).ToList();
        planner.Learn(await CustomerRows.OwnersAsync(tx, [.. planner.UnknownPhones(contacts)], [.. planner.UnknownEmails(contacts)], ct));
        var unloaded = planner.Unloaded(contacts);
        if (!job.DryRun) await CustomerRows.LockCustomersAsync(tx, unloaded, ct);
        foreach (var (id, (state, version)) in await CustomerRows.LoadAsync(tx, serializer, unloaded, ct)) planner.Load(id, state, version);
        results.AddRange(valid.Select(v => planner.Plan(v.Row, v.Contact, v.Fields)));

        var pending = planner.Pending();
        if (!job.DryRun && pending.Count > 0)
        {
            var appended = await append.AppendAsync(tx, [.. pending.Select(p => new StreamAppend(job.TenantId, CustomerStreams.Customer(p.CustomerId),
                p.Customer.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(p.Customer.Version),
                [.. p.Customer.Pending.Select(context.Event)]))], ct);
            await CustomerRowWrites.UpsertManyAsync(tx, [.. pending.Select((p, i) => (p.Customer.State, appended[i].StreamVersion))],
                CustomerSources.Import, time.GetUtcNow(), ct);
        }
        await ImportRows.RecordAsync(tx, job.ImportId, [.. results.OrderBy(r => r.Row)], ct);
        await tx.CommitAsync(ct);
        planner.EndBatch();
    }

    private async Task SetStatusAsync(ImportJob job, string status, string? error, CancellationToken ct)
    {
        await using var tx = await database.BeginAsync(job.TenantId, ct);
        await ImportRows.StatusAsync(tx, job.ImportId, status, error, time.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
    }
}
