package example; class ApplicationTest {}
