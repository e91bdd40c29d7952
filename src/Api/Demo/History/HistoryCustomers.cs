using Platform.Write.Customers;

namespace Platform.Api.Demo.History;

/// <summary>
/// The history's customers: most leads are new people, some come back (a second lead of a customer
/// who asked before). Each customer's stream starts with its creation, as lead intake starts it.
/// </summary>
internal sealed class HistoryCustomers(HistoryScript script, HistoryPeople people)
{
    private readonly Dictionary<Guid, Stream<CustomerState>> streams = [];
    private readonly List<(Guid Id, DateTimeOffset At)> created = [];

    public int Count => created.Count;

    /// <summary>The customer of a lead arriving at <paramref name="at"/>; Returning when they asked before.</summary>
    public (Guid CustomerId, bool Returning) For(DateTimeOffset at)
    {
        var random = script.Random;
        if (created.Count > 20 && random.NextDouble() < 0.1)
        {
            var earlier = created[random.Next(created.Count)];
            if (earlier.At < at) return (earlier.Id, true);
        }
        var id = script.Ids.Next();
        var stream = new Stream<CustomerState>(script, CustomerStreams.Customer(id), Customer.Evolve);
        stream.Decide(Customer.Decide(null, new Customer.Create(id, people.Next(created.Count + 1), new Dictionary<string, string>(), CustomerSources.Lead)), at, null);
        streams[id] = stream;
        created.Add((id, at));
        return (id, false);
    }

    public CustomerContact Contact(Guid customerId) => streams[customerId].State!.Contact;

    public string Message() => people.Message();

    public void Decide(Guid customerId, Func<CustomerState?, IReadOnlyList<object>> decide, DateTimeOffset at, Guid? userId)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var stream = streams[customerId];
        stream.Decide(decide(stream.State), at, userId);
    }
}
