using CommonGround.Core.Notifications;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Notifications;

/// <summary>Follows a notification to the thing that changed, marking it read. Only the person it was for can open it.</summary>
public sealed class OpenModel(NotificationService notifications, CurrentUser currentUser) : PageBase
{
    public async Task<IActionResult> OnGetAsync(Guid notificationId)
    {
        var person = (await currentUser.GetAsync())!;
        return await notifications.OpenAsync(person.Account, person.Professional, notificationId) is { } link && Url.IsLocalUrl(link)
            ? Redirect(link)
            : NotFound();
    }
}
