using CommonGround.Core.Notifications;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Notifications;

/// <summary>A person's notifications, newest first: what changed, with a link to it. Opening one marks it read.</summary>
public sealed class IndexModel(NotificationService notifications, CurrentUser currentUser) : PageBase
{
    public NotificationPage Items { get; private set; } = new([], 0, 0, 1, 1);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "show")]
    public string? Show { get; set; }

    public bool UnreadOnly => Show == "unread";

    public async Task OnGetAsync()
    {
        var person = (await currentUser.GetAsync())!;
        Items = await notifications.ListAsync(person.Account, person.Professional, PageNumber, UnreadOnly);
        ShowsChildren(Items.Items.Where(n => n.ChildId is not null).Select(n => n.ChildId!.Value), "Notifications: what changed");
    }

    public async Task<IActionResult> OnPostReadAsync()
    {
        var marked = await notifications.MarkAllReadAsync(currentUser.UserId!.Value);
        Confirm(marked == 0 ? "You had nothing unread" : $"{marked} {(marked == 1 ? "notification" : "notifications")} marked as read");
        return Redirect("/notifications");
    }
}
