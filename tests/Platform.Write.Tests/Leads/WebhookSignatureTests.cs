using System.Globalization;
using System.Text;
using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec_prueba");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"name\":\"Laura\",\"phone\":\"3005551234\"}");
    private static readonly string Stamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void A_signature_of_the_timestamp_and_raw_body_verifies()
    {
        WebhookSignature.Verify(Secret, Stamp, Body, WebhookSignature.Sign(Secret, Stamp, Body), Now).Should().BeTrue();
    }

    [Fact]
    public void A_flipped_byte_of_the_body_or_the_signature_fails()
    {
        var signature = WebhookSignature.Sign(Secret, Stamp, Body);
        var flipped = (byte[])Body.Clone();
        flipped[5] ^= 0x01;
        var last = signature[^1] == '0' ? '1' : '0';

        WebhookSignature.Verify(Secret, Stamp, flipped, signature, Now).Should().BeFalse();
        WebhookSignature.Verify(Secret, Stamp, Body, signature[..^1] + last, Now).Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=zz")]
    public void A_missing_or_malformed_signature_fails(string? signature)
    {
        WebhookSignature.Verify(Secret, Stamp, Body, signature, Now).Should().BeFalse();
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_outside_five_minutes_fails_even_when_signed(int seconds)
    {
        var stamp = Now.AddSeconds(seconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        WebhookSignature.Verify(Secret, stamp, Body, WebhookSignature.Sign(Secret, stamp, Body), Now).Should().BeFalse();
    }

    [Fact]
    public void The_timestamp_is_signed_so_it_cannot_be_changed()
    {
        var later = Now.AddSeconds(60).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        WebhookSignature.Verify(Secret, later, Body, WebhookSignature.Sign(Secret, Stamp, Body), Now).Should().BeFalse();
    }

    [Fact]
    public void Without_a_secret_nothing_verifies()
    {
        WebhookSignature.Verify(null, Stamp, Body, WebhookSignature.Sign(Secret, Stamp, Body), Now).Should().BeFalse();
    }
}
