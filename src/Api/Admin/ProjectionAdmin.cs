using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Projections.Daemon;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Admin;

[Authorize(Roles = "owner,admin,platform-admin")]
public sealed record ListProjections : IRequest<IReadOnlyList<ProjectionStatus>>;

[Authorize(Roles = "owner,admin,platform-admin")]
public sealed record GetProjection(string Name) : IRequest<ProjectionStatus>;

[Authorize(Roles = "owner,admin,platform-admin")]
public sealed record SkipProjectionEvent(string Name, long Position, string Reason) : IRequest<SkippedEvent>;

[Authorize(Roles = "owner,admin,platform-admin")]
public sealed record RebuildProjection(string Name) : IRequest<RebuildRequest>;

public sealed class ProjectionAdminValidator : AbstractValidator<SkipProjectionEvent>
{
    public ProjectionAdminValidator()
    {
        RuleFor(c => c.Position).GreaterThan(0);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

/// <summary>What the platform's operators see and do to projections: status, skipping a poisoned event, rebuilds.</summary>
public sealed class ProjectionAdminHandlers(
    OperatorTenant operators, CommandContext context, ProjectionStatusReader status, ProjectionOperations operations)
    : IRequestHandler<ListProjections, IReadOnlyList<ProjectionStatus>>, IRequestHandler<GetProjection, ProjectionStatus>,
      IRequestHandler<SkipProjectionEvent, SkippedEvent>, IRequestHandler<RebuildProjection, RebuildRequest>
{
    public async Task<IReadOnlyList<ProjectionStatus>> Handle(ListProjections request, CancellationToken cancellationToken)
    {
        await operators.EnsureOperatorAsync(context, cancellationToken);
        return await status.GetAsync(cancellationToken);
    }

    public async Task<ProjectionStatus> Handle(GetProjection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await operators.EnsureOperatorAsync(context, cancellationToken);
        return await Known(() => status.GetAsync(request.Name, cancellationToken));
    }

    public async Task<SkippedEvent> Handle(SkipProjectionEvent request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await operators.EnsureOperatorAsync(context, cancellationToken);
        try
        {
            return await Known(() => operations.SkipAsync(request.Name, request.Position, Actor, request.Reason, cancellationToken));
        }
        catch (SkipRefusedException refused)
        {
            throw new ConflictException("skip-refused", $"No se puede saltar el evento: {refused.Message}");
        }
    }

    public async Task<RebuildRequest> Handle(RebuildProjection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await operators.EnsureOperatorAsync(context, cancellationToken);
        return await Known(() => operations.RebuildAsync(request.Name, Actor, cancellationToken));
    }

    // Who asked, as the projection's history records it.
    private string Actor => context.IsOperator ? $"operator:{context.User:D}" : $"user:{context.User:D}";

    private static async Task<T> Known<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (UnknownProjectionException)
        {
            throw new NotFoundException("la proyección");
        }
    }
}
