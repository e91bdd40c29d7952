using Platform.Write.Catalog;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Catalog;

public sealed class CreateListingTests
{
    [Fact]
    public void A_new_listing_starts_as_a_draft()
    {
        var events = Listing.Decide(null, new Listing.Create(GivenListing.Id, ListingKind.Vehicle, GivenListing.Content(), GivenListing.Price(), Plans.Basic, 0));

        events.Should().ContainSingle().Which.Should().BeOfType<ListingCreated>().Which.Should().BeEquivalentTo(GivenListing.Created());
        Listing.Fold(events)!.Status.Should().Be(ListingStatus.Draft);
    }

    [Fact]
    public void The_plan_limits_the_inventory()
    {
        var create = () => Listing.Decide(null, new Listing.Create(GivenListing.Id, ListingKind.Vehicle, GivenListing.Content(), GivenListing.Price(), Plans.Basic, 1_000));

        create.Should().Throw<PlanLimitReachedException>().Which.Details["resource"].Should().Be(PlanResources.CatalogItems);
    }
}
