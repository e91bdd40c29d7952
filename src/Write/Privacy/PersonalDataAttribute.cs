namespace Platform.Write.Privacy;

/// <summary>
/// Marks an event property that holds a person's data (name, phone, e-mail, address, free text).
/// The event store encrypts it with the key of the event's data subject, so forgetting the subject
/// erases the value from every stored event, projection and rebuild.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>
/// Marks the event property (a Guid) that names the person whose key encrypts the event's
/// <see cref="PersonalDataAttribute"/> properties: a customer, a lead's contact, a user.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class DataSubjectAttribute : Attribute;
