-- Starts `postmortem lsp` with Neovim's built-in client, opens $DOCUMENT, waits for its
-- diagnostics and prints them to standard output, one line each, then quits.
local client_id = vim.lsp.start_client({
  name = "postmortem",
  cmd = { os.getenv("POSTMORTEM"), "lsp" },
  root_dir = vim.fn.getcwd(),
})
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("DOCUMENT")))
vim.lsp.buf_attach_client(0, client_id)
local arrived = vim.wait(15000, function()
  return #vim.diagnostic.get(0) > 0
end, 20)
local out = io.stdout
if not arrived then
  out:write("no diagnostics arrived\n")
  vim.cmd("cquit 1")
end
local severities = { "error", "warning", "info", "hint" }
for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
  local code = diagnostic.code or lsp.code or "?"
  local first_line = vim.split(diagnostic.message, "\n")[1]
  out:write(string.format("diagnostic %d:%d %s %s %s\n", diagnostic.lnum, diagnostic.col, code,
    severities[diagnostic.severity], first_line))
end
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd("qall!")
