using CommonGround.Core.Links;
using CommonGround.Core.Notifications;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

/// <summary>
/// The person's private calendar address: made here, shown once, replaced if it is lost or shared by mistake, and stopped
/// when they no longer want it.
/// </summary>
[ShowsNoChildData]
public sealed class CalendarModel(CalendarFeedService feeds, CurrentUser currentUser, PublicAddress publicAddress) : PageBase
{
    private const string NewAddressKey = "cg.calendar.address";

    public CalendarFeed? Feed { get; private set; }

    /// <summary>The address just made, shown only on the page that follows making it.</summary>
    public string? NewAddress { get; private set; }

    public async Task OnGetAsync()
    {
        Feed = await feeds.FindAsync(currentUser.UserId!.Value);
        NewAddress = TempData[NewAddressKey] as string;
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var token = await feeds.CreateAsync(await currentUser.ActorAsync());
        TempData[NewAddressKey] = publicAddress.For($"/calendar/{token}.ics");
        return Redirect("/account/calendar");
    }

    public async Task<IActionResult> OnPostStopAsync()
    {
        var stopped = await feeds.StopAsync(await currentUser.ActorAsync());
        Confirm(stopped ? "Your calendar address has stopped working" : "You did not have a calendar address",
            stopped ? "Calendars that used it will stop updating and may remove the dates." : null);
        return Redirect("/account/calendar");
    }
}
