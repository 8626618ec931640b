-- Save benchmark: each wrk thread (one connection each) is one editor saving their own draft again and again,
-- with the ETag of their previous save as If-Match (as the editor app's autosave does).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("idx", counter)
  table.insert(threads, thread)
end

function init(args)
  local i = 0
  for line in io.lines(os.getenv("BENCH_DRAFTS")) do
    i = i + 1
    if i == idx then
      id, etag, slug = line:match("(%S+) (%S+) (%S+)")
    end
  end
  token = os.getenv("BENCH_TOKEN")
  n = 0
  paragraph = string.rep("Editors keep typing; every autosave is a new revision of the working copy. ", 25)
end

function request()
  n = n + 1
  local body = '{"slug":"' .. slug .. '","headline":"Save benchmark ' .. idx .. '","dek":"Autosave ' .. n ..
      '","body":"' .. paragraph .. '\\n\\nEdit number ' .. n .. '.","tags":["bench"]}'
  return wrk.format("PUT", "/articles/" .. id, {
    ["Authorization"] = "Bearer " .. token, ["If-Match"] = etag, ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 200 then
    etag = headers["ETag"] or headers["etag"]
  elseif status == 412 then
    local v = body:match('"currentVersion":(%d+)')
    if v then etag = '"' .. v .. '"' end
  end
end
