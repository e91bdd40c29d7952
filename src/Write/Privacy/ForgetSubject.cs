using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Privacy;

/// <summary>
/// Erases a person: the subject's key and its linked subjects' keys are destroyed, so their personal
/// data reads as erased in every event, projection and rebuild; the plain copies features keep
/// outside events are scrubbed in the same transaction. <paramref name="Reason"/> is recorded: it
/// must say why (a request, a law), not who.
/// </summary>
[Authorize(Roles = "owner")]
public sealed record ForgetSubject(Guid SubjectId, string Reason) : IRequest<ForgottenSubjects>
{
    public override string ToString() => $"ForgetSubject {{ SubjectId = {SubjectId} }}";
}

public sealed record ForgottenSubjects(Guid SubjectId, IReadOnlyList<Guid> Subjects, DateTimeOffset ForgottenAt);

public sealed class ForgetSubjectValidator : AbstractValidator<ForgetSubject>
{
    public ForgetSubjectValidator()
    {
        RuleFor(c => c.SubjectId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class ForgetSubjectHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, IEnumerable<IPersonalDataScrubber> scrubbers,
    SubjectKeyring keyring, TimeProvider time)
    : IRequestHandler<ForgetSubject, ForgottenSubjects>
{
    public async Task<ForgottenSubjects> Handle(ForgetSubject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        // Another tenant's subject has no key and no link under this tenant: not found, like a missing one.
        var subjects = await tx.ClosureAsync(request.SubjectId, cancellationToken);
        if (subjects.Count == 0) throw new NotFoundException("a la persona");
        var previously = await ForgottenAtAsync(tx, request.SubjectId, cancellationToken);
        if (previously is { } at && !await AnyRememberedAsync(tx, subjects, cancellationToken))
            return new ForgottenSubjects(request.SubjectId, subjects, at);

        var now = time.GetUtcNow();
        var forgotten = new SubjectForgotten(request.SubjectId, subjects, request.Reason.Trim(), context.User, now);
        // The append is the transaction's first write (the store's rule); the keys and rows follow it.
        await append.AppendAsync(tx, PrivacyEvents.SubjectStream(request.SubjectId), ExpectedVersion.Any, [context.Event(forgotten)], cancellationToken);
        await tx.ExecuteAsync("""
            insert into subject_keys (tenant_id, subject_id, wrapped_key, forgotten_at)
            select $1, s, null, $3 from unnest($2::uuid[]) as s
            on conflict (tenant_id, subject_id) do update set wrapped_key = null, forgotten_at = coalesce(subject_keys.forgotten_at, excluded.forgotten_at)
            """, cancellationToken, tx.TenantId, subjects.ToArray(), now);
        foreach (var scrubber in scrubbers) await scrubber.ScrubAsync(tx, subjects, cancellationToken);
        var tenant = tx.TenantId;
        tx.AfterCommit(() => keyring.Cache.Forget(tenant, subjects));
        await tx.CommitAsync(cancellationToken);
        return new ForgottenSubjects(request.SubjectId, subjects, now);
    }

    private static async Task<DateTimeOffset?> ForgottenAtAsync(TenantTransaction tx, Guid subjectId, CancellationToken ct)
    {
        await using var command = tx.Command(
            "select forgotten_at from subject_keys where tenant_id = $1 and subject_id = $2 and forgotten_at is not null", tx.TenantId, subjectId);
        return await command.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    private static async Task<bool> AnyRememberedAsync(TenantTransaction tx, IReadOnlyList<Guid> subjects, CancellationToken ct) =>
        await tx.ScalarAsync<long>(
            "select count(*) from unnest($2::uuid[]) s where not exists (select from subject_keys k where k.tenant_id = $1 and k.subject_id = s and k.forgotten_at is not null)",
            ct, tx.TenantId, subjects.ToArray()) > 0;
}
