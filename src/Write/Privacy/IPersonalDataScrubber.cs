using Platform.Write.Tenancy;

namespace Platform.Write.Privacy;

/// <summary>
/// A feature's plain copies of personal data outside events (its state rows, outbox messages):
/// erased in the transaction that forgets the subjects. Throw a DomainException to refuse (409),
/// which rolls the whole forgetting back. Register with <c>services.AddPersonalDataScrubber&lt;T&gt;()</c>.
/// </summary>
public interface IPersonalDataScrubber
{
    Task ScrubAsync(TenantTransaction tx, IReadOnlyList<Guid> subjectIds, CancellationToken ct);
}
