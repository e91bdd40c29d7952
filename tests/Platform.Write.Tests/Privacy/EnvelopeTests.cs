using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Platform.Write.Privacy;

namespace Platform.Write.Tests.Privacy;

public sealed class EnvelopeTests
{
    private static readonly Guid Tenant = Guid.CreateVersion7();
    private static readonly Guid Subject = Guid.CreateVersion7();

    [Fact]
    public void A_sealed_value_opens_with_its_key_and_hides_the_plain_text()
    {
        var key = PersonalDataEnvelope.NewKey();

        var envelope = PersonalDataEnvelope.Seal(key, Tenant, Subject, "name", JsonValue.Create("Carolina Restrepo"));

        envelope.ToJsonString().Should().NotContain("Carolina").And.Contain("\"$pd\":\"v1\"");
        PersonalDataEnvelope.TryRead(envelope, out var tenant, out var subject, out var bytes).Should().BeTrue();
        (tenant, subject).Should().Be((Tenant, Subject));
        PersonalDataEnvelope.Open(key, tenant, subject, "name", bytes)!.GetValue<string>().Should().Be("Carolina Restrepo");
    }

    [Fact]
    public void A_changed_byte_fails_closed()
    {
        var key = PersonalDataEnvelope.NewKey();
        PersonalDataEnvelope.TryRead(PersonalDataEnvelope.Seal(key, Tenant, Subject, "name", JsonValue.Create("Ana")), out _, out _, out var bytes);

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            var open = () => PersonalDataEnvelope.Open(key, Tenant, Subject, "name", tampered);
            open.Should().Throw<CryptographicException>();
        }
    }

    [Fact]
    public void Another_tenant_subject_field_or_key_does_not_open_it()
    {
        var key = PersonalDataEnvelope.NewKey();
        PersonalDataEnvelope.TryRead(PersonalDataEnvelope.Seal(key, Tenant, Subject, "email", JsonValue.Create("ana@example.test")), out _, out _, out var bytes);

        FluentActions.Invoking(() => PersonalDataEnvelope.Open(key, Guid.CreateVersion7(), Subject, "email", bytes)).Should().Throw<CryptographicException>();
        FluentActions.Invoking(() => PersonalDataEnvelope.Open(key, Tenant, Guid.CreateVersion7(), "email", bytes)).Should().Throw<CryptographicException>();
        FluentActions.Invoking(() => PersonalDataEnvelope.Open(key, Tenant, Subject, "name", bytes)).Should().Throw<CryptographicException>();
        FluentActions.Invoking(() => PersonalDataEnvelope.Open(PersonalDataEnvelope.NewKey(), Tenant, Subject, "email", bytes)).Should().Throw<CryptographicException>();
    }

    [Fact]
    public void A_wrapped_key_unwraps_only_for_its_tenant_and_subject()
    {
        var wrapper = new MasterKeyWrapper(RandomNumberGenerator.GetBytes(32));
        var key = PersonalDataEnvelope.NewKey();
        var wrapped = wrapper.Wrap(key, Tenant, Subject);

        wrapper.Unwrap(wrapped, Tenant, Subject).Should().Equal(key);
        wrapped.AsSpan().IndexOf(key).Should().Be(-1);
        FluentActions.Invoking(() => wrapper.Unwrap(wrapped, Guid.CreateVersion7(), Subject)).Should().Throw<CryptographicException>();
        FluentActions.Invoking(() => new MasterKeyWrapper(RandomNumberGenerator.GetBytes(32)).Unwrap(wrapped, Tenant, Subject))
            .Should().Throw<CryptographicException>();
    }

    [Fact]
    public void Keys_wrapped_before_a_master_key_was_configured_still_unwrap()
    {
        var before = new Platform.Write.Tests.Privacy.XorWrapper();
        var key = PersonalDataEnvelope.NewKey();
        var old = before.Wrap(key, Tenant, Subject);

        var wrapper = new MasterKeyWrapper(RandomNumberGenerator.GetBytes(32), before);

        wrapper.Unwrap(old, Tenant, Subject).Should().Equal(key);
        wrapper.Unwrap(wrapper.Wrap(key, Tenant, Subject), Tenant, Subject).Should().Equal(key);
    }
}

/// <summary>A stand-in for the Data Protection wrapper: any other format (its payloads never start with 'M').</summary>
internal sealed class XorWrapper : ISubjectKeyWrapper
{
    public byte[] Wrap(byte[] key, Guid tenantId, Guid subjectId) => [0x09, .. key.Select(b => (byte)(b ^ 0x5A))];

    public byte[] Unwrap(byte[] wrapped, Guid tenantId, Guid subjectId) => [.. wrapped.Skip(1).Select(b => (byte)(b ^ 0x5A))];
}
