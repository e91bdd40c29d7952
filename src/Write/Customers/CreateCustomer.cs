using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>Adds a customer by hand. A phone or e-mail another customer already has is a conflict naming that customer.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record CreateCustomer(
    string? Name, IReadOnlyList<string>? Phones, IReadOnlyList<string>? Emails, string? Address, string? Notes,
    IReadOnlyDictionary<string, JsonElement>? Fields) : IRequest<CustomerChanged>
{
    // A logged request must not carry the customer's contact details.
    public override string ToString() => "CreateCustomer { }";
}

/// <summary>The customer and the version of its stream after the change: its new ETag.</summary>
public sealed record CustomerChanged(Guid CustomerId, long Version);

public sealed class CreateCustomerHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, TimeProvider time)
    : IRequestHandler<CreateCustomer, CustomerChanged>
{
    public async Task<CustomerChanged> Handle(CreateCustomer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        var contact = CustomerContacts.Normalize(
            new ContactInput(request.Name, request.Phones, request.Emails, request.Address, request.Notes), await CustomerContacts.CountryAsync(tx, cancellationToken));
        var fields = CustomFieldValues.Canonical(request.Fields, await CustomFieldValues.DefinitionsAsync(tx, cancellationToken), enforceRequired: true);
        await CustomerRows.LockContactsAsync(tx, cancellationToken);
        await EnsureContactsFreeAsync(tx, contact, null, cancellationToken);

        var id = Guid.CreateVersion7();
        var events = Customer.Decide(null, new Customer.Create(id, contact, fields, CustomerSources.BackOffice));
        var result = await append.AppendAsync(tx, CustomerStreams.Customer(id), ExpectedVersion.NoStream, [.. events.Select(context.Event)], cancellationToken);
        await CustomerRowWrites.UpsertAsync(tx, Customer.Fold(events)!, result.StreamVersion, CustomerSources.BackOffice, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new CustomerChanged(id, result.StreamVersion);
    }

    /// <summary>One person, one customer: a phone or e-mail of another customer points the user at it.</summary>
    internal static async Task EnsureContactsFreeAsync(TenantTransaction tx, CustomerContact contact, Guid? self, CancellationToken ct)
    {
        var taken = (await CustomerRows.OwnersAsync(tx, contact.Phones, contact.Emails, ct)).FirstOrDefault(o => o.CustomerId != self);
        if (taken is null) return;
        var error = new ConflictException("customer-contact-taken",
            taken.Kind == "phone" ? "Otro cliente ya tiene ese teléfono." : "Otro cliente ya tiene ese correo.");
        error.Details["customerId"] = taken.CustomerId;
        error.Details["field"] = taken.Kind == "phone" ? "phones" : "emails";
        throw error;
    }
}

/// <summary>Where a customer came from.</summary>
public static class CustomerSources
{
    public const string BackOffice = "back-office";
    public const string Import = "import";
    public const string Lead = "lead";
}
