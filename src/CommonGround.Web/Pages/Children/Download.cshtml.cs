using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.DataRights;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>
/// The family's right of access: they ask for everything held about the child, are told when it is ready, and download
/// it once. Only the person who asked can download it.
/// </summary>
public sealed class DownloadModel(RecordExportService exports, CurrentUser currentUser, TimeProvider timeProvider) : ChildPageBase(currentUser)
{
    public DownloadsView Downloads { get; private set; } = default!;

    [ChildPage(Capability.ExportRecord)]
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    [ChildPage(Capability.ExportRecord)]
    [WhileClosed]
    public async Task<IActionResult> OnPostAsync()
    {
        var result = await exports.RequestAsync(Access, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            await LoadAsync();
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            return Invalid();
        }

        Confirm("We are preparing your download",
            $"We will tell you when it is ready, here and by email. It usually takes a minute or two; a long record can take a few minutes.");
        return Redirect(ChildLinks.Download(Access.Child.Id));
    }

    /// <summary>The file itself, once, for the person who asked; anything else explains why not on the page.</summary>
    [ChildPage(Capability.ExportRecord)]
    public async Task<IActionResult> OnGetFileAsync(Guid exportId)
    {
        var result = await exports.DownloadAsync(Access.Child, exportId, await CurrentUser.ActorAsync());
        if (result.Error is NotFoundError)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            await LoadAsync();
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        return File(result.Value!.Bytes, "application/zip", result.Value.FileName);
    }

    private async Task LoadAsync()
    {
        Downloads = new DownloadsView(await exports.ListAsync(Access.Child, CurrentUser.UserId!.Value), timeProvider.GetUtcNow().UtcDateTime, ChildLinks.Download(Access.Child.Id));
        DescribeRead(null, "Downloads of the record");
    }
}
