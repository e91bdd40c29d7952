using Platform.Write.Catalog;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Catalog;

public sealed class ChangeListingTests
{
    [Fact]
    public void A_new_price_keeps_the_old_one_in_the_event()
    {
        var events = Listing.Decide(GivenListing.State(GivenListing.Created()), new Listing.ChangePrice(GivenListing.Price(175_000_000m)));

        events.Should().Equal(new ListingPriceChanged(GivenListing.Id, GivenListing.Price(), GivenListing.Price(175_000_000m)));
    }

    [Fact]
    public void The_same_price_or_content_changes_nothing()
    {
        var state = GivenListing.State(GivenListing.Created());

        Listing.Decide(state, new Listing.ChangePrice(GivenListing.Price())).Should().BeEmpty();
        Listing.Decide(state, new Listing.Revise(GivenListing.Content(images: ["https://fotos.example.com/1.jpg"]))).Should().BeEmpty();
    }

    [Fact]
    public void A_revision_records_the_new_content()
    {
        var content = GivenListing.Content("Toyota Hilux 2.8 diésel, como nueva");

        Listing.Decide(GivenListing.State(GivenListing.Created()), new Listing.Revise(content)).Should().Equal(new ListingRevised(GivenListing.Id, content));
    }

    [Fact]
    public void A_sold_listing_cannot_change()
    {
        var sold = GivenListing.State(GivenListing.Created(), GivenListing.Moved(ListingStatus.Draft, ListingStatus.Published),
            GivenListing.Moved(ListingStatus.Published, ListingStatus.Sold));

        var change = () => Listing.Decide(sold, new Listing.ChangePrice(GivenListing.Price(1m)));

        change.Should().Throw<ConflictException>().Which.Code.Should().Be("listing-sold");
    }

    [Theory]
    [InlineData(ListingStatus.Draft, ListingStatus.Sold)]
    [InlineData(ListingStatus.Draft, ListingStatus.Reserved)]
    [InlineData(ListingStatus.Withdrawn, ListingStatus.Published)]
    public void Status_moves_only_along_the_allowed_transitions(ListingStatus from, ListingStatus to)
    {
        var state = GivenListing.State(GivenListing.Created())! with { Status = from };

        var move = () => Listing.Decide(state, new Listing.ChangeStatus(to, Plans.Basic, 0));

        move.Should().Throw<DomainException>().Which.Code.Should().Be("invalid-status-transition");
    }

    [Fact]
    public void Publishing_a_draft_records_both_states()
    {
        var events = Listing.Decide(GivenListing.State(GivenListing.Created()), new Listing.ChangeStatus(ListingStatus.Published, Plans.Basic, 1));

        events.Should().Equal(GivenListing.Moved(ListingStatus.Draft, ListingStatus.Published));
    }

    [Fact]
    public void A_withdrawn_listing_returns_to_the_inventory_only_if_the_plan_has_room()
    {
        var withdrawn = GivenListing.State(GivenListing.Created())! with { Status = ListingStatus.Withdrawn };

        var back = () => Listing.Decide(withdrawn, new Listing.ChangeStatus(ListingStatus.Draft, Plans.Basic, 1_000));

        back.Should().Throw<PlanLimitReachedException>();
        Listing.Decide(withdrawn, new Listing.ChangeStatus(ListingStatus.Draft, Plans.Basic, 999)).Should().HaveCount(1);
    }
}
