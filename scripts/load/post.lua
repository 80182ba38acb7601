-- wrk script: POST a message template whose __ID__ becomes unique for every request, so every
-- declaration is new (no replays). Set TEMPLATE and TOKEN in the environment.
local template = io.open(os.getenv("TEMPLATE")):read("*a")
local token = os.getenv("TOKEN")
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function request()
  counter = counter + 1
  local body = template:gsub("__ID__", "W" .. id .. "-" .. counter)
  return wrk.format("POST", "/v1/declarations", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/xml",
  }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
