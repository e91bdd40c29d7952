using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>Replaces a customer's contact data and custom fields with what the person edited.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ChangeCustomer(
    Guid CustomerId, string? Name, IReadOnlyList<string>? Phones, IReadOnlyList<string>? Emails, string? Address, string? Notes,
    IReadOnlyDictionary<string, JsonElement>? Fields, long? ExpectedVersion = null) : IRequest<CustomerChanged>
{
    // A logged request must not carry the customer's contact details.
    public override string ToString() => $"ChangeCustomer {{ CustomerId = {CustomerId}, ExpectedVersion = {ExpectedVersion} }}";
}

public sealed class ChangeCustomerHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : IRequestHandler<ChangeCustomer, CustomerChanged>
{
    public async Task<CustomerChanged> Handle(ChangeCustomer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stream = CustomerStreams.Customer(request.CustomerId);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        await CustomerRows.LockContactsAsync(tx, cancellationToken);
        await CustomerRows.LockCustomerAsync(tx, request.CustomerId, cancellationToken);
        var (events, version) = await tx.ReadStreamAsync(serializer, stream, cancellationToken);
        var state = Customer.Fold(events) ?? throw new Domain.NotFoundException("el cliente");
        tx.EnsureExpected(stream, request.ExpectedVersion, version);

        var contact = CustomerContacts.Normalize(
            new ContactInput(request.Name, request.Phones, request.Emails, request.Address, request.Notes), await CustomerContacts.CountryAsync(tx, cancellationToken));
        var fields = CustomFieldValues.Canonical(request.Fields, await CustomFieldValues.DefinitionsAsync(tx, cancellationToken), enforceRequired: true);
        await CreateCustomerHandler.EnsureContactsFreeAsync(tx, contact, request.CustomerId, cancellationToken);

        List<object> decided = [.. Customer.Decide(state, new Customer.ChangeContact(contact)), .. Customer.Decide(state, new Customer.ChangeFields(fields))];
        if (decided.Count == 0) return new CustomerChanged(request.CustomerId, version);
        var result = await append.AppendAsync(tx, stream, EventStore.ExpectedVersion.Exact(version), [.. decided.Select(context.Event)], cancellationToken);
        await CustomerRowWrites.UpsertAsync(tx, decided.Aggregate((CustomerState?)state, Customer.Evolve)!, result.StreamVersion, "", time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new CustomerChanged(request.CustomerId, result.StreamVersion);
    }
}
