module example.com/app

go 1.22

require (
	tailscale.com v1.34.0
	github.com/foo/bar/v1 v1.0.0
	localpkg v0.1.0
)
