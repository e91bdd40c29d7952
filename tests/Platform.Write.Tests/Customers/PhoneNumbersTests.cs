using FluentValidation;
using Platform.Write.Customers;

namespace Platform.Write.Tests.Customers;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("MX", "55 1234 5678", "+525512345678")]
    [InlineData("MX", "044 55 1234 5678", "+525512345678")]
    [InlineData("MX", "045 33 1234 5678", "+523312345678")]
    [InlineData("MX", "01 81 1234 5678", "+528112345678")]
    [InlineData("MX", "+52 1 55 1234 5678", "+525512345678")]
    [InlineData("MX", "52 55 1234 5678", "+525512345678")]
    [InlineData("AR", "011 15 1234-5678", "+5491112345678")]
    [InlineData("AR", "0351 15 123-4567", "+5493511234567")]
    [InlineData("AR", "+54 9 11 1234 5678", "+5491112345678")]
    [InlineData("AR", "011 4321-1234", "+541143211234")]
    [InlineData("CO", "300 555 1234", "+573005551234")]
    [InlineData("CO", "(4) 444 1234", "+576044441234")]
    [InlineData("CO", "604 444 1234", "+576044441234")]
    [InlineData("CO", "+57 1 234 5678", "+576012345678")]
    [InlineData("CO", "03 300 555 1234", "+573005551234")]
    [InlineData("US", "(415) 555-0134", "+14155550134")]
    [InlineData("US", "1 415 555 0134", "+14155550134")]
    [InlineData("US", "011 52 55 1234 5678", "+525512345678")]
    [InlineData("ES", "612 34 56 78", "+34612345678")]
    [InlineData("ES", "0034 612 345 678", "+34612345678")]
    [InlineData("CL", "9 8765 4321", "+56987654321")]
    [InlineData("PE", "987 654 321", "+51987654321")]
    [InlineData("EC", "099 123 4567", "+593991234567")]
    [InlineData("BR", "(11) 98765-4321", "+5511987654321")]
    [InlineData("BR", "0 21 11 98765-4321", "+5511987654321")]
    [InlineData("UY", "099 123 456", "+59899123456")]
    [InlineData("CR", "8888 1234", "+50688881234")]
    [InlineData("VE", "0412 123 4567", "+584121234567")]
    [InlineData("CO", "+34 612 345 678", "+34612345678")]
    [InlineData("FR", "+33 6 12 34 56 78", "+33612345678")]
    public void Numbers_written_at_home_or_with_a_code_become_E164(string country, string written, string e164) =>
        PhoneNumbers.TryNormalize(written, country).Should().Be(e164);

    [Theory]
    [InlineData("MX", "1234")]
    [InlineData("MX", "55 1234 567")]
    [InlineData("CO", "444 1234")]
    [InlineData("US", "(015) 555-0134")]
    [InlineData("MX", "55-1234-5678 ext 3")]
    [InlineData("MX", "+52 55 12+34 5678")]
    [InlineData("FR", "06 12 34 56 78")]
    [InlineData("MX", "")]
    public void What_cannot_be_placed_is_refused(string country, string written) =>
        PhoneNumbers.TryNormalize(written, country).Should().BeNull();

    [Fact]
    public void A_refused_number_names_its_field()
    {
        var normalize = () => PhoneNumbers.Normalize("12", "MX", "phones[1]");

        normalize.Should().Throw<ValidationException>().Which.Errors.Should().ContainSingle(e => e.PropertyName == "phones[1]");
    }
}
