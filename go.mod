module github.com/sayso-news/sayso

go 1.26
